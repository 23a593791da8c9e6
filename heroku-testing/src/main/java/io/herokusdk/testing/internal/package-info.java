/** Implementation details of the testing kit. Not an API: may change in any release. */
package io.herokusdk.testing.internal;
