/** Implementation details of the testing kit. Not an API: may change in any release. */
@NullMarked
package io.herokusdk.testing.internal;

import org.jspecify.annotations.NullMarked;
