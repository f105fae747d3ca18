import { App } from 'cdktf';
import { RolloutStage } from '../../lib';
import { buildMailStack } from './mail-stack';

// Only if something goes wrong: back to the old records, from any stage after LOWER_TTL.
const app = new App();
buildMailStack(app, RolloutStage.ROLLBACK);
app.synth();
