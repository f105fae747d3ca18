import { Lazy, Token } from 'cdktf';
import { isDeployTimeToken } from '../../lib/model/deploy-time-token';

describe('isDeployTimeToken', () => {
  test('string, number and list tokens are tokens', () => {
    expect(isDeployTimeToken(Token.asString(Lazy.stringValue({ produce: () => 'example.com' })))).toBe(true);
    expect(isDeployTimeToken(`mail.${Token.asString(Lazy.stringValue({ produce: () => 'example.com' }))}`)).toBe(true);
    expect(isDeployTimeToken(Token.asNumber(Lazy.numberValue({ produce: () => 10 })))).toBe(true);
    expect(isDeployTimeToken(Token.asList(Lazy.listValue({ produce: () => [] })))).toBe(true);
  });

  test('plain values are not, including look-alikes of the marker', () => {
    for (const value of ['example.com', '${var.domain}', '{TfToken[nothing', 10, -1, 2 ** 53, -1e300, Number.NaN, undefined, null]) {
      expect(isDeployTimeToken(value)).toBe(false);
    }
  });
});
