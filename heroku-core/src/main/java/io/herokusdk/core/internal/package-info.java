/** Implementation details of {@code heroku-core}. Not public API: may change in any release. */
package io.herokusdk.core.internal;
