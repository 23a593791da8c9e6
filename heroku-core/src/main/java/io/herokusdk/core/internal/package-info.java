/** Implementation details of {@code heroku-core}. Not public API: may change in any release. */
@NullMarked
package io.herokusdk.core.internal;

import org.jspecify.annotations.NullMarked;
