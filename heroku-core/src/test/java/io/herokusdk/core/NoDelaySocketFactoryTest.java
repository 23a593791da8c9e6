package io.herokusdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class NoDelaySocketFactoryTest {
  @Test
  void everySocketItMakesHasTcpNoDelayOn() throws IOException {
    NoDelaySocketFactory factory = NoDelaySocketFactory.get();
    try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      InetAddress loopback = InetAddress.getLoopbackAddress();
      int port = server.getLocalPort();
      try (Socket unconnected = factory.createSocket();
          Socket byName = factory.createSocket(loopback.getHostAddress(), port);
          Socket byAddress = factory.createSocket(loopback, port);
          Socket byNameAndLocal = factory.createSocket(loopback.getHostAddress(), port, loopback, 0);
          Socket byAddressAndLocal = factory.createSocket(loopback, port, loopback, 0)) {
        unconnected.connect(new InetSocketAddress(loopback, port));
        for (Socket socket : new Socket[] {
            unconnected, byName, byAddress, byNameAndLocal, byAddressAndLocal}) {
          assertThat(socket.getTcpNoDelay()).as(socket.toString()).isTrue();
          assertThat(socket.isConnected()).isTrue();
        }
      }
    }
  }
}
