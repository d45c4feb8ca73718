package io.github.togglapi.client.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

import org.junit.jupiter.api.Test;

/** The embedded server's connections send at once: Nagle's algorithm made every call wait ~40 ms. */
class NoDelayServerSocketFactoryTest {
  @Test
  void acceptedConnectionsHaveTcpNoDelay() throws IOException {
    try (ServerSocket server = new NoDelayServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        Socket accepted = server.accept()) {
      assertTrue(accepted.getTcpNoDelay());
      assertTrue(client.isConnected());
    }
  }
}
