/**
 * The Heroku Platform API client: {@link io.herokusdk.api.Heroku}, its policies, paging and
 * exceptions. Generated resource clients live in {@code io.herokusdk.api.resources} and their
 * records and enums in {@code io.herokusdk.api.model}; {@code io.herokusdk.api.internal} is not a
 * supported API.
 */
@NullMarked
package io.herokusdk.api;

import org.jspecify.annotations.NullMarked;
