/** Actuator health indicators for the SDK's clients; details never contain a secret. */
@NullMarked
package io.herokusdk.spring.health;

import org.jspecify.annotations.NullMarked;
