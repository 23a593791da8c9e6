/**
 * Implementation details of {@code heroku-postgres}. Not public API: may change in any release.
 */
@NullMarked
package io.herokusdk.postgres.internal;

import org.jspecify.annotations.NullMarked;
