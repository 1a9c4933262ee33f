package org.propertydesk.notifications;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * One message to one staff member. The text is a message key with arguments, so it reads in the recipient's language.
 */
@Entity
class Notification {

    /** Separates stored arguments; a control character that never occurs in request numbers or names. */
    static final String SEPARATOR = "\u001f";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String recipient;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private String kind;

    @Column(name = "message_key", nullable = false)
    private String messageKey;

    private String arguments;

    private String link;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
    }

    Notification(String recipient, Instant createdAt, String kind, String messageKey, List<String> arguments, String link) {
        this.recipient = recipient;
        this.createdAt = createdAt;
        this.kind = kind;
        this.messageKey = messageKey;
        this.arguments = String.join(SEPARATOR, arguments);
        this.link = link;
    }

    void markRead(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    public Long getId() {
        return id;
    }

    public String getRecipient() {
        return recipient;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getKind() {
        return kind;
    }

    public String getMessageKey() {
        return messageKey;
    }

    public Object[] getArgumentArray() {
        return arguments == null || arguments.isEmpty() ? new Object[0] : Arrays.stream(arguments.split(SEPARATOR)).toArray();
    }

    public String getLink() {
        return link;
    }

    public boolean isRead() {
        return readAt != null;
    }
}
