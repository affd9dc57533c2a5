// Data source for the TypeORM CLI (migration:generate / run / revert); reads DATABASE_URL only.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { parseEnv } from '../config/env.schema';
import { dataSourceOptions } from './data-source-options';

export default new DataSource(dataSourceOptions(parseEnv(process.env).databaseUrl, 'chorus-cli'));
