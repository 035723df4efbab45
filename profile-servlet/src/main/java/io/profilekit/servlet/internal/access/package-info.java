/**
 * Not API: who may do what (people read public views and change only their own profile;
 * services do everything). May change in any release.
 */
package io.profilekit.servlet.internal.access;
