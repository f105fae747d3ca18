import { runCliProcess } from '../tools/cli';

void runCliProcess();
