import * as vscode from 'vscode';
import type { PlanAnalyzer } from '../plan-analysis';
import { registerInsertPartCommand } from './insert-part';
import { registerInsertTemplateCommand } from './insert-template';
import { registerNewPlanCommand } from './new-plan';

/** The commands that write the template: New Connector Plan and Insert Connector Plan Template. */
export function registerScaffoldCommands(analyzer: PlanAnalyzer): vscode.Disposable {
  return vscode.Disposable.from(registerNewPlanCommand(analyzer), registerInsertTemplateCommand(), registerInsertPartCommand(analyzer));
}
