package io.herokusdk.redis;

import java.util.List;

/** A cached value; public because Moshi reads records through their public accessors. */
public record CachedUser(long id, String name, List<String> roles) {}
