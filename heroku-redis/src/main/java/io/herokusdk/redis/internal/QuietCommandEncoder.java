package io.herokusdk.redis.internal;

import io.lettuce.core.protocol.CommandEncoder;
import io.lettuce.core.protocol.RedisCommand;
import io.lettuce.core.resource.NettyCustomizer;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.EncoderException;
import java.util.Collection;

/**
 * Lettuce's {@link CommandEncoder} without its logging. At TRACE, Lettuce's encoder logs every
 * byte it sends, {@code AUTH} and {@code HELLO ... AUTH} with the password included; this one
 * encodes the same bytes and logs nothing. {@link #CUSTOMIZER} swaps it into every channel
 * (first connect, pool, pub/sub and reconnects alike). Not API.
 */
final class QuietCommandEncoder extends CommandEncoder {
  /** Replaces Lettuce's encoder in each new channel's pipeline. */
  static final NettyCustomizer CUSTOMIZER = new NettyCustomizer() {
    @Override
    public void afterChannelInitialized(Channel channel) {
      if (channel.pipeline().get(CommandEncoder.class) != null) {
        channel.pipeline().replace(CommandEncoder.class, "commandEncoder",
            new QuietCommandEncoder());
      }
    }
  };

  @Override
  protected void encode(ChannelHandlerContext ctx, Object msg, ByteBuf out) {
    if (msg instanceof RedisCommand<?, ?, ?> command) {
      encode(ctx, out, command);
    } else if (msg instanceof Collection<?> commands) {
      for (Object command : commands) {
        encode(ctx, out, (RedisCommand<?, ?, ?>) command);
      }
    }
  }

  private static void encode(ChannelHandlerContext ctx, ByteBuf out, RedisCommand<?, ?, ?> command) {
    try {
      out.markWriterIndex();
      command.encode(out);
    } catch (RuntimeException e) {
      // as Lettuce does: the connection's state may be out of sync, so it cannot be used further
      ctx.close();
      throw new EncoderException("Cannot encode a " + command.getType() + " command; closed the "
          + "connection as its state may be out of sync.", e);
    }
  }
}
