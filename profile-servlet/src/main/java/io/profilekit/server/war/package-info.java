/** The WAR's bootstrap: the listener its {@code web.xml} declares. */
package io.profilekit.server.war;
