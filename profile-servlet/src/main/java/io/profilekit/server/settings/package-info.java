/**
 * profilekit's settings: each read once, in one order (system property, environment variable,
 * servlet context parameter, default), by the record of its group, which defines its name and
 * default ({@link io.profilekit.server.settings.ApiSettings},
 * {@link io.profilekit.server.settings.StoreSettings}, ...).
 */
package io.profilekit.server.settings;
