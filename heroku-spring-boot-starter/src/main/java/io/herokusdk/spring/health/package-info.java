/** Actuator health indicators for the SDK's clients; details never contain a secret. */
package io.herokusdk.spring.health;
