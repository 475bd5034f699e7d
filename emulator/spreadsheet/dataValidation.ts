// SpreadsheetApp.newDataValidation(): builder and built rule, recorded on ranges.
import type { ServiceName } from '../execution';
import { ServiceObject, type Runtime } from '../runtime';
import type { DataValidationRule } from '../state';

export const DataValidationCriteria = {
  CHECKBOX: 'CHECKBOX',
  DATE_AFTER: 'DATE_AFTER',
  DATE_BEFORE: 'DATE_BEFORE',
  DATE_BETWEEN: 'DATE_BETWEEN',
  DATE_EQUAL_TO: 'DATE_EQUAL_TO',
  DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_GREATER_THAN: 'NUMBER_GREATER_THAN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  TEXT_IS_VALID_EMAIL: 'TEXT_IS_VALID_EMAIL',
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  VALUE_IN_RANGE: 'VALUE_IN_RANGE',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
} as const;

export class DataValidation extends ServiceObject {
  constructor(
    rt: Runtime,
    private readonly rule: DataValidationRule,
  ) {
    super(rt);
  }
  _kind(): [ServiceName, string] {
    return ['SpreadsheetApp', 'DataValidation'];
  }
  _rule(): DataValidationRule {
    return { ...this.rule, args: [...this.rule.args] };
  }
  getCriteriaType(): string {
    return this.rule.criteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this.rule.args];
  }
  getAllowInvalid(): boolean {
    return this.rule.allowInvalid;
  }
  getHelpText(): string {
    return this.rule.helpText;
  }
  copy(): DataValidationBuilder {
    return new DataValidationBuilder(this._rt, this._rule());
  }
}

export class DataValidationBuilder extends ServiceObject {
  private rule: DataValidationRule;
  constructor(rt: Runtime, rule?: DataValidationRule) {
    super(rt);
    this.rule = rule ?? { criteria: '', args: [], allowInvalid: true, helpText: '' };
  }
  _kind(): [ServiceName, string] {
    return ['SpreadsheetApp', 'DataValidationBuilder'];
  }
  private set(criteria: string, args: unknown[]): DataValidationBuilder {
    this.rule = { ...this.rule, criteria, args };
    return this;
  }
  requireValueInList(values: string[], showDropdown?: boolean): DataValidationBuilder {
    return this.set('VALUE_IN_LIST', [[...values].map(String), showDropdown !== false]);
  }
  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): DataValidationBuilder {
    return this.set(
      'CHECKBOX',
      [checkedValue, uncheckedValue].filter((v) => v !== undefined),
    );
  }
  requireDate(): DataValidationBuilder {
    return this.set('DATE_IS_VALID_DATE', []);
  }
  requireTextIsEmail(): DataValidationBuilder {
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }
  requireNumberBetween(start: number, end: number): DataValidationBuilder {
    return this.set('NUMBER_BETWEEN', [start, end]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): DataValidationBuilder {
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  requireFormulaSatisfied(formula: string): DataValidationBuilder {
    return this.set('CUSTOM_FORMULA', [formula]);
  }
  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilder {
    this.rule = { ...this.rule, allowInvalid: allowInvalidData };
    return this;
  }
  setHelpText(helpText: string): DataValidationBuilder {
    this.rule = { ...this.rule, helpText };
    return this;
  }
  build(): DataValidation {
    return new DataValidation(this._rt, this._rule());
  }
  private _rule(): DataValidationRule {
    return { ...this.rule, args: [...this.rule.args] };
  }
}
