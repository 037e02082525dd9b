import {BaseCommand, sharedFlags} from '../cli/base-command.js'

export default class Doctor extends BaseCommand {
  static override summary = "Check a live account's API against what segsync relies on, without writing anything."
  static override description = `Before you trust segsync with an account, doctor reads each workspace's vendor (read-only; a read-only key is enough) and reports one line per check:

  - the endpoint and the key from the environment work (and, where the vendor has scopes, which ones the key has);
  - every read segsync makes (segments, campaigns or mailings, topics, counts) answers inside its contract: the JSON shapes in schemas/<vendor>/responses.schema.json;
  - paginated lists end;
  - the assumptions in segsync's vendor research that a read can test, e.g. which Push0 list path answers, whether Altcraft's segments/get carries is_static, whether a Sequenzy campaign detail carries targetLists;
  - whether the vendor sends rate-limit or Retry-After headers (optional: pass or skip, never fail).

Each check is pass, fail or skip, with the document or assumption it tests. A check fails only when segsync relies on what it tests: plan and apply would stop on this account before writing anything. The --json report (schemas/doctor-report.schema.json) is redacted: send it to us when a check fails.

Exit codes: 0 nothing failed, 1 a check failed, 3 invalid config.`
  static override examples = ['<%= config.bin %> doctor', '<%= config.bin %> doctor -w production', '<%= config.bin %> doctor --json > doctor.json']
  static override enableJsonFlag = true
  static override flags = {workspace: sharedFlags.workspace, 'no-code': sharedFlags['no-code']}

  async run() {
    const {flags} = await this.parse(Doctor)
    const ctx = this.setup(flags)
    const [{prepare}, {doctor, doctorFailed}, {renderDoctor}] = await Promise.all([import('../core/pipeline.js'), import('../core/doctor.js'), import('../render/doctor-text.js')])
    // The definitions play no part: a workspace with broken files can still be checked.
    const prepared = await prepare({...ctx, online: true, missingFolderOk: true})
    const report = await doctor(ctx, prepared)
    if (!this.jsonEnabled()) process.stdout.write(renderDoctor(report, this.c))
    if (doctorFailed(report)) process.exitCode = 1
    return report
  }
}
