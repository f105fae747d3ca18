import { runCliProcess } from './cli';

void runCliProcess();
