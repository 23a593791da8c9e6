package io.herokusdk.redis;

import io.lettuce.core.RedisException;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pub/sub with listener registration. Subscriptions live on one dedicated connection opened on
 * first use; after a reconnect Lettuce subscribes again to every channel and pattern, so
 * listeners keep receiving without any action (messages published while disconnected are lost,
 * as always with Redis pub/sub). Listeners run on a single dispatcher thread, never on Lettuce's
 * I/O threads, so a slow listener cannot stall Redis traffic.
 */
public final class RedisPubSub {
  private static final Logger log = LoggerFactory.getLogger(RedisPubSub.class);

  private final HerokuRedis redis;
  private final Map<String, List<MessageListener>> channelListeners = new ConcurrentHashMap<>();
  private final Map<String, List<MessageListener>> patternListeners = new ConcurrentHashMap<>();
  private final Object lock = new Object();
  private @Nullable StatefulRedisPubSubConnection<String, String> connection;
  private @Nullable ExecutorService dispatcher;
  private boolean closed;

  RedisPubSub(HerokuRedis redis) {
    this.redis = redis;
  }

  /**
   * Publishes {@code message} to {@code channel}; returns how many subscribers received it.
   *
   * @param channel the channel's name, used as is (no key prefix)
   * @param message the message, sent as UTF-8
   * @return the number of connections subscribed to the channel or a matching pattern, in all
   *     processes; 0 if nobody listens (the message is then lost)
   */
  public long publish(String channel, String message) {
    Objects.requireNonNull(channel, "channel == null");
    Objects.requireNonNull(message, "message == null");
    return redis.call("PUBLISH", r -> r.publish(channel, message));
  }

  /**
   * Calls {@code listener} for every message on {@code channel} until the result is closed.
   *
   * @param channel the channel's name, used as is (no key prefix)
   * @param listener called on the dispatcher thread for each message
   * @return the registration; close it to stop listening
   * @throws HerokuRedisException if the pub/sub connection cannot be opened or SUBSCRIBE fails
   */
  public Subscription subscribe(String channel, MessageListener listener) {
    return register(channel, listener, false);
  }

  /**
   * Calls {@code listener} for every message on channels matching the glob {@code pattern}
   * (e.g. {@code orders.*}); the listener gets the actual channel.
   *
   * @param pattern a Redis glob ({@code *}, {@code ?}, {@code [...]}), used as is
   * @param listener called on the dispatcher thread for each matching message
   * @return the registration; close it to stop listening
   * @throws HerokuRedisException if the pub/sub connection cannot be opened or PSUBSCRIBE fails
   */
  public Subscription psubscribe(String pattern, MessageListener listener) {
    return register(pattern, listener, true);
  }

  /**
   * The channels with at least one listener.
   *
   * @return a snapshot of the subscribed channels, patterns excluded
   */
  public java.util.Set<String> channels() {
    return java.util.Set.copyOf(channelListeners.keySet());
  }

  private Subscription register(String target, MessageListener listener, boolean pattern) {
    Objects.requireNonNull(target, "channel == null");
    Objects.requireNonNull(listener, "listener == null");
    Map<String, List<MessageListener>> map = pattern ? patternListeners : channelListeners;
    synchronized (lock) {
      StatefulRedisPubSubConnection<String, String> pubSub = connection();
      List<MessageListener> listeners = map.get(target);
      if (listeners == null) {
        try {
          if (pattern) {
            pubSub.sync().psubscribe(target);
          } else {
            pubSub.sync().subscribe(target);
          }
        } catch (RedisException e) {
          throw redis.errors().translate(pattern ? "PSUBSCRIBE" : "SUBSCRIBE", e);
        }
        listeners = new CopyOnWriteArrayList<>();
        map.put(target, listeners);
      }
      listeners.add(listener);
    }
    return new Registration(target, listener, pattern);
  }

  private void unregister(String target, MessageListener listener, boolean pattern) {
    Map<String, List<MessageListener>> map = pattern ? patternListeners : channelListeners;
    synchronized (lock) {
      List<MessageListener> listeners = map.get(target);
      if (listeners == null || !listeners.remove(listener) || !listeners.isEmpty()) return;
      map.remove(target);
      if (closed || connection == null) return;
      try {
        if (pattern) {
          connection.sync().punsubscribe(target);
        } else {
          connection.sync().unsubscribe(target);
        }
      } catch (RedisException e) {
        // Not fatal: with no listener left, messages on it are ignored.
        log.warn("Unsubscribing from {} failed: {}", target,
            redis.errors().redact(e.getMessage()));
      }
    }
  }

  private StatefulRedisPubSubConnection<String, String> connection() {
    if (closed) throw new IllegalStateException("This HerokuRedis is closed.");
    if (connection != null) return connection;
    StatefulRedisPubSubConnection<String, String> opened;
    try {
      opened = redis.client().connectPubSub(StringCodec.UTF8, redis.uri());
    } catch (RuntimeException e) {
      throw redis.errors().connectFailed(e);
    }
    ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "heroku-redis-pubsub");
      thread.setDaemon(true);
      return thread;
    });
    opened.addListener(new RedisPubSubAdapter<>() {
      @Override
      public void message(String channel, String message) {
        dispatch(channelListeners.get(channel), channel, message);
      }

      @Override
      public void message(String pattern, String channel, String message) {
        dispatch(patternListeners.get(pattern), channel, message);
      }
    });
    this.dispatcher = executor;
    this.connection = opened;
    return opened;
  }

  private void dispatch(@Nullable List<MessageListener> listeners, String channel,
      String message) {
    if (listeners == null || listeners.isEmpty()) return;
    ExecutorService executor = dispatcher;
    if (executor == null || executor.isShutdown()) return;
    try {
      executor.execute(() -> {
        for (MessageListener listener : listeners) {
          try {
            listener.onMessage(channel, message);
          } catch (RuntimeException e) {
            log.error("Pub/sub listener for {} threw; the message is dropped for it", channel, e);
          }
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      log.debug("Dropping a message on {}: pub/sub is closing", channel);
    }
  }

  void close() {
    StatefulRedisPubSubConnection<String, String> toClose;
    ExecutorService executor;
    synchronized (lock) {
      if (closed) return;
      closed = true;
      toClose = connection;
      executor = dispatcher;
      channelListeners.clear();
      patternListeners.clear();
    }
    if (toClose != null) {
      try {
        toClose.close();
      } catch (RuntimeException e) {
        log.debug("Closing the pub/sub connection: {}", e.getClass().getSimpleName());
      }
    }
    if (executor != null) {
      executor.shutdown();
      try {
        if (!executor.awaitTermination(2, TimeUnit.SECONDS)) executor.shutdownNow();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        executor.shutdownNow();
      }
    }
  }

  @Override
  public String toString() {
    return "RedisPubSub{channels=" + channelListeners.keySet() + ", patterns="
        + patternListeners.keySet() + "}";
  }

  private final class Registration implements Subscription {
    private final String target;
    private final MessageListener listener;
    private final boolean pattern;
    private final AtomicBoolean closed = new AtomicBoolean();

    Registration(String target, MessageListener listener, boolean pattern) {
      this.target = target;
      this.listener = listener;
      this.pattern = pattern;
    }

    @Override
    public String target() {
      return target;
    }

    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) unregister(target, listener, pattern);
    }

    @Override
    public String toString() {
      return "Subscription{" + (pattern ? "pattern " : "channel ") + target + "}";
    }
  }
}
