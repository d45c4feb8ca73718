package io.github.togglapi.client.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What the time-tracking core keeps: clients, projects, tasks, tags and time entries. Mutable. */
final class Tracked {
  private Tracked() {
  }

  interface Owned {
    long workspaceId();

    Instant at();
  }

  static final class Client implements Owned {
    final long id;
    final long workspaceId;
    final long creatorId;
    String name;
    String notes;
    boolean archived;
    Instant at;

    Client(long id, long workspaceId, String name, long creatorId, Instant at) {
      this.id = id;
      this.workspaceId = workspaceId;
      this.name = name;
      this.creatorId = creatorId;
      this.at = at;
    }

    @Override
    public long workspaceId() {
      return workspaceId;
    }

    @Override
    public Instant at() {
      return at;
    }
  }

  static final class Project implements Owned {
    final long id;
    final long workspaceId;
    final long creatorId;
    final Instant createdAt;
    String name;
    Long clientId;
    boolean active = true;
    boolean isPrivate = true;
    Boolean billable;
    boolean template;
    Boolean autoEstimates;
    String color = "#0b83d9";
    String currency;
    Long estimatedHours;
    Double rate;
    Double fixedFee;
    LocalDate startDate;
    LocalDate endDate;
    Instant at;

    Project(long id, long workspaceId, String name, long creatorId, Instant createdAt) {
      this.id = id;
      this.workspaceId = workspaceId;
      this.name = name;
      this.creatorId = creatorId;
      this.createdAt = createdAt;
      this.at = createdAt;
      this.startDate = createdAt.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    @Override
    public long workspaceId() {
      return workspaceId;
    }

    @Override
    public Instant at() {
      return at;
    }
  }

  static final class Task implements Owned {
    final long id;
    final long workspaceId;
    final long projectId;
    String name;
    boolean active = true;
    Long estimatedSeconds;
    Long userId;
    Instant at;

    Task(long id, long workspaceId, long projectId, String name, Instant at) {
      this.id = id;
      this.workspaceId = workspaceId;
      this.projectId = projectId;
      this.name = name;
      this.at = at;
    }

    @Override
    public long workspaceId() {
      return workspaceId;
    }

    @Override
    public Instant at() {
      return at;
    }
  }

  static final class Tag implements Owned {
    final long id;
    final long workspaceId;
    final long creatorId;
    String name;
    Instant at;

    Tag(long id, long workspaceId, String name, long creatorId, Instant at) {
      this.id = id;
      this.workspaceId = workspaceId;
      this.name = name;
      this.creatorId = creatorId;
      this.at = at;
    }

    @Override
    public long workspaceId() {
      return workspaceId;
    }

    @Override
    public Instant at() {
      return at;
    }
  }

  static final class TimeEntry {
    final long id;
    final long workspaceId;
    final long userId;
    Instant start;
    /** Null while running. */
    Instant stop;
    String description;
    boolean billable;
    boolean duronly;
    Long projectId;
    Long taskId;
    final Set<Long> tagIds = new LinkedHashSet<>();
    /** Names of tags an edit asks for that do not exist yet: created when the edit is kept. */
    final List<String> newTags = new ArrayList<>();
    Instant at;
    Instant deletedAt;

    TimeEntry(long id, long workspaceId, long userId, Instant at) {
      this.id = id;
      this.workspaceId = workspaceId;
      this.userId = userId;
      this.at = at;
    }

    /** A working copy, so that an edit that fails half-way changes nothing. */
    TimeEntry copy() {
      TimeEntry copy = new TimeEntry(id, workspaceId, userId, at);
      copy.setFrom(this);
      return copy;
    }

    void setFrom(TimeEntry other) {
      start = other.start;
      stop = other.stop;
      description = other.description;
      billable = other.billable;
      duronly = other.duronly;
      projectId = other.projectId;
      taskId = other.taskId;
      if (other != this) {
        tagIds.clear();
        tagIds.addAll(other.tagIds);
        newTags.clear();
        newTags.addAll(other.newTags);
      }
      deletedAt = other.deletedAt;
    }
  }
}
