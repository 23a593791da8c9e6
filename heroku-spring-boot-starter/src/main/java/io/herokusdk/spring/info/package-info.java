/** Actuator info contributors. */
@NullMarked
package io.herokusdk.spring.info;

import org.jspecify.annotations.NullMarked;
