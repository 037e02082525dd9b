/** Every vendor's case, in the order the README lists them. */
import {altcraft} from './altcraft.js'
import {kibamail} from './kibamail.js'
import {mailglyph} from './mailglyph.js'
import {push0} from './push0.js'
import {sequenzy} from './sequenzy.js'
import type {VendorCase} from './vendor-case.js'

export const vendorCases: VendorCase[] = [mailglyph, kibamail, sequenzy, push0, altcraft]
