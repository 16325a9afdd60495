package dev.fulmar.core.spi;

/**
 * Creates tunnel devices; the device is removed again when it is closed. On Linux the device is
 * created in the network namespace of the calling thread.
 */
public interface TunDeviceFactory {

  /**
   * Creates a device as {@code options} asks. The result implements {@link TunOffload} when
   * offloads were asked for and the kernel accepted them.
   *
   * @throws SystemConfigException ({@link SystemConfigException.Step#CREATE_ADAPTER}) naming the
   *     reason, e.g. a missing {@code /dev/net/tun} or missing privileges
   */
  TunDevice create(TunOptions options) throws SystemConfigException;
}
