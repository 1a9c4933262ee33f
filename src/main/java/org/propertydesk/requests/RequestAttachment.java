package org.propertydesk.requests;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.propertydesk.shared.files.FileStore;

/**
 * A photo or document attached to a request; the bytes live in the file store under a generated key.
 */
@Entity
@Table(name = "request_attachment")
class RequestAttachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_id", nullable = false)
    private Long requestId;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "storage_key", nullable = false)
    private String storageKey;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    @Column(name = "uploaded_by", nullable = false)
    private String uploadedBy;

    protected RequestAttachment() {
    }

    RequestAttachment(Long requestId, FileStore.StoredFile file, Instant uploadedAt, String uploadedBy) {
        this.requestId = requestId;
        this.fileName = file.fileName();
        this.contentType = file.contentType();
        this.sizeBytes = file.size();
        this.storageKey = file.key();
        this.uploadedAt = uploadedAt;
        this.uploadedBy = uploadedBy;
    }

    public boolean isImage() {
        return contentType.startsWith("image/") && !contentType.equals("image/heic");
    }

    public Long getId() {
        return id;
    }

    public Long getRequestId() {
        return requestId;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getStorageKey() {
        return storageKey;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }
}
