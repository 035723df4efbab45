/**
 * Not API: the servlet adapter: profilekit's API as one asynchronous servlet, for a servlet
 * container (the WAR, or a host application's). May change in any release.
 */
package io.profilekit.servlet.internal.servlet;
