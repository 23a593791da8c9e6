/** Implementation details of {@code heroku-redis}. Not public API: may change in any release. */
@NullMarked
package io.herokusdk.redis.internal;

import org.jspecify.annotations.NullMarked;
