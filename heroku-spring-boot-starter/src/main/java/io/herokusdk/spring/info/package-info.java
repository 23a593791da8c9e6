/** Actuator info contributors. */
package io.herokusdk.spring.info;
