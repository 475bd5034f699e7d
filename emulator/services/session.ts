// Session and User: who runs the execution.
import type { ServiceName } from '../execution';
import { ServiceObject, type Runtime } from '../runtime';

export class User extends ServiceObject {
  constructor(
    rt: Runtime,
    private readonly email: string,
  ) {
    super(rt);
  }
  _kind(): [ServiceName, string] {
    return ['Session', 'User'];
  }
  getEmail(): string {
    return this.email;
  }
  getUsername(): string {
    return this.email.split('@')[0];
  }
  toString(): string {
    return this.email;
  }
}

export class Session extends ServiceObject {
  _kind(): [ServiceName, string] {
    return ['Session', 'Session'];
  }
  /** In a web app run as the deployer, the visitor (anonymous: '' email), not the deployer. */
  getActiveUser(): User {
    return new User(this._rt, this._rt.webApp ? this._rt.visitor : this._rt.user);
  }
  getEffectiveUser(): User {
    return new User(this._rt, this._rt.user);
  }
  getScriptTimeZone(): string {
    return this._rt.state.scriptTimeZone;
  }
  getActiveUserLocale(): string {
    return 'en';
  }
  getTemporaryActiveUserKey(): string {
    return Buffer.from(this._rt.user).toString('base64');
  }
  toString(): string {
    return 'Session';
  }
}
