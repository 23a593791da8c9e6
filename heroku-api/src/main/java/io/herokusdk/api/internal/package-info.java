/** Implementation details of {@code heroku-api}. Not public API: may change in any release. */
@NullMarked
package io.herokusdk.api.internal;

import org.jspecify.annotations.NullMarked;
