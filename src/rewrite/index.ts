/**
 * Definition files rewritten in place for `segsync pull`: the port core/pull/run-pull.ts calls.
 * JSON costs nothing to load (jsonc-parser is already there); the TS rewriter loads magicast, so it
 * is imported only when a TS file must change.
 */
import type {DefinitionWriter} from '../core/pull/run-pull.js'
import {RewriteRefusal} from './edits.js'
import {rewriteJson} from './json-file.js'

export const definitionWriter: DefinitionWriter = {
  async rewrite(file, edit, provider) {
    try {
      const text = edit.kind === 'json' ? rewriteJson(file, edit) : (await import('./ts-file.js')).rewriteTs(file, edit, provider)
      return {ok: true, text}
    } catch (error) {
      if (error instanceof RewriteRefusal) return {ok: false, reason: error.message}
      throw error
    }
  },
}
