/**
 * Helpers shared by profilekit's own modules. <strong>Not API:</strong> anything here may
 * change or disappear in any release; do not use it from your code.
 */
package io.profilekit.core.internal;
