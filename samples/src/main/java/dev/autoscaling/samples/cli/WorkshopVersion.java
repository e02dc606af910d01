package dev.autoscaling.samples.cli;

import picocli.CommandLine;

/** The version the jar was built as, from its manifest; "development" when run from classes. */
final class WorkshopVersion implements CommandLine.IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = WorkshopCommand.class.getPackage().getImplementationVersion();
    return new String[] {"workshop " + (version == null ? "(development build)" : version)};
  }
}
