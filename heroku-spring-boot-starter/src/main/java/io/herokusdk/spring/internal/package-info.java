/**
 * Implementation details of the Spring Boot starter. Not public API: may change in any release.
 */
@NullMarked
package io.herokusdk.spring.internal;

import org.jspecify.annotations.NullMarked;
