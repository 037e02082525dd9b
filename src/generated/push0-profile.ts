/* Generated from schemas/push0/profile.schema.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen:types`. */

/**
 * A Push0 device as a segment's constraints read it (seed 003 field table, vendors.md §4.4): the documented device fields at top level, String, Int or Long (epoch milliseconds) as the docs type them. A field left out does not exist on the device.
 */
export interface Push0Profile {
  /**
   * The profile's id in this test file. It is also the device's `id` ("Device Id"), which a constraint on `id` reads.
   */
  id: string
  /**
   * String: 2-letter country code, ISO 3166-1 alpha-2. Example: US, PL.
   */
  country?: string
  /**
   * String: ISO 639-2 alpha-3 language code. Example: eng, pol.
   */
  language?: string
  /**
   * String: IANA time zone, Area/Location. Example: Europe/Warsaw.
   */
  timezone?: string
  /**
   * String: app version. Example: 1.3.54.
   */
  appVersion?: string
  /**
   * Int: app version code. Example: 5.
   */
  appVersionCode?: number
  /**
   * String: operating system API version. Example: "35".
   */
  osApi?: string
  /**
   * String: operating system version. Example: "1.0.1".
   */
  osVersion?: string
  /**
   * String: custom user id from your backend.
   */
  customUserId?: string
  /**
   * String: email.
   */
  email?: string
  /**
   * String: type of device. Accepted values: phone, tablet, smartwatch, desktop.
   */
  type?: 'phone' | 'tablet' | 'smartwatch' | 'desktop'
  /**
   * Long: first ever user session, Unix timestamp in milliseconds.
   */
  firstSession?: number
  /**
   * Long: last user session, Unix timestamp in milliseconds.
   */
  lastSession?: number
  /**
   * Int: total number of device sessions.
   */
  sessionCount?: number
  /**
   * Long: when the device was created, Unix timestamp in milliseconds.
   */
  createdAt?: number
  /**
   * String: device APN or FCM push token.
   */
  pushToken?: string
  /**
   * Long: when the device was unregistered, Unix timestamp in milliseconds.
   */
  unRegisteredAt?: number
  /**
   * String: device model. Example: Galaxy S26.
   */
  deviceModel?: string
  /**
   * String: device manufacturer. Example: Samsung.
   */
  deviceManufacturer?: string
  /**
   * String Array: applied device tags. `==`, `contains` and `exists` test that one tag is among them.
   */
  tags?: string[]
}
/**
 * This interface was referenced by `Push0Profile`'s JSON-Schema
 * via the `definition` "Profile".
 */
export interface Profile {
  /**
   * The profile's id in this test file. It is also the device's `id` ("Device Id"), which a constraint on `id` reads.
   */
  id: string
  /**
   * String: 2-letter country code, ISO 3166-1 alpha-2. Example: US, PL.
   */
  country?: string
  /**
   * String: ISO 639-2 alpha-3 language code. Example: eng, pol.
   */
  language?: string
  /**
   * String: IANA time zone, Area/Location. Example: Europe/Warsaw.
   */
  timezone?: string
  /**
   * String: app version. Example: 1.3.54.
   */
  appVersion?: string
  /**
   * Int: app version code. Example: 5.
   */
  appVersionCode?: number
  /**
   * String: operating system API version. Example: "35".
   */
  osApi?: string
  /**
   * String: operating system version. Example: "1.0.1".
   */
  osVersion?: string
  /**
   * String: custom user id from your backend.
   */
  customUserId?: string
  /**
   * String: email.
   */
  email?: string
  /**
   * String: type of device. Accepted values: phone, tablet, smartwatch, desktop.
   */
  type?: 'phone' | 'tablet' | 'smartwatch' | 'desktop'
  /**
   * Long: first ever user session, Unix timestamp in milliseconds.
   */
  firstSession?: number
  /**
   * Long: last user session, Unix timestamp in milliseconds.
   */
  lastSession?: number
  /**
   * Int: total number of device sessions.
   */
  sessionCount?: number
  /**
   * Long: when the device was created, Unix timestamp in milliseconds.
   */
  createdAt?: number
  /**
   * String: device APN or FCM push token.
   */
  pushToken?: string
  /**
   * Long: when the device was unregistered, Unix timestamp in milliseconds.
   */
  unRegisteredAt?: number
  /**
   * String: device model. Example: Galaxy S26.
   */
  deviceModel?: string
  /**
   * String: device manufacturer. Example: Samsung.
   */
  deviceManufacturer?: string
  /**
   * String Array: applied device tags. `==`, `contains` and `exists` test that one tag is among them.
   */
  tags?: string[]
}
