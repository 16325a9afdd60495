package dev.fulmar.adapters.linux;

import dev.fulmar.adapters.jdk.JdkUdpTransport;
import dev.fulmar.core.spi.UdpTransport;
import dev.fulmar.core.spi.UdpTransportFactory;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Binds {@link LinuxUdpTransport}s when offloads are asked for, {@link JdkUdpTransport}s
 * otherwise (or when the native library cannot be loaded).
 */
public final class LinuxUdpTransportFactory implements UdpTransportFactory {

  @Override
  public UdpTransport bind(InetSocketAddress local, boolean offload) throws IOException {
    if (offload) {
      try {
        return LinuxUdpTransport.bind(local);
      } catch (LinkageError e) {
        // jnr-ffi could not load libc: the portable transport still works
      }
    }
    return JdkUdpTransport.bind(local);
  }
}
