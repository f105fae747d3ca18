import { App } from 'cdktf';
import { RolloutStage } from '../../lib';
import { buildMailStack } from './mail-stack';

const app = new App();
buildMailStack(app, RolloutStage.CUTOVER);
app.synth();
