/**
 * Hand-written workflows above the generated Platform API clients: deploy from source, releases,
 * pipeline promotions, review apps, app setups, add-ons, domains, dynos and log streaming. Start
 * at {@link io.herokusdk.api.Heroku#workflows()}.
 */
@NullMarked
package io.herokusdk.api.workflow;

import org.jspecify.annotations.NullMarked;
