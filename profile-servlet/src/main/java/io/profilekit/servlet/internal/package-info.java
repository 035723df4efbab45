/**
 * The servlets and filters {@link io.profilekit.servlet.ProfileApi} registers, one per
 * concern, all answering errors through {@link io.profilekit.servlet.internal.ApiServlet}.
 * <strong>Not API:</strong> anything here may change in any release; register them through
 * {@code ProfileApi}.
 */
package io.profilekit.servlet.internal;
