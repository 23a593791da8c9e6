/** Implementation details of {@code heroku-mail}. Not public API: may change in any release. */
@NullMarked
package io.herokusdk.mail.internal;

import org.jspecify.annotations.NullMarked;
