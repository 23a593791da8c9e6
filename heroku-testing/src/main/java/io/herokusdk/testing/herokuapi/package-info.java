/**
 * {@link io.herokusdk.testing.herokuapi.FakeHerokuApi}: a fake Heroku Platform API (apps, config
 * vars, formation; paging, errors, rate limit) on a local port, for tests of code that manages
 * Heroku apps.
 */
@NullMarked
package io.herokusdk.testing.herokuapi;

import org.jspecify.annotations.NullMarked;
