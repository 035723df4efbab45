/**
 * Spring Boot auto-configuration of profilekit: {@code profilekit.*} properties, the repository
 * and the API as beans, the API mounted under {@code profilekit.path}, its health in Actuator.
 */
package io.profilekit.spring.boot;
