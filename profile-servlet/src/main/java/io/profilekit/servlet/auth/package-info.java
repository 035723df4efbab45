/**
 * Who may call the API: the {@link io.profilekit.servlet.auth.Authenticator} contract and
 * profilekit's shared bearer tokens, compared in constant time.
 */
package io.profilekit.servlet.auth;
