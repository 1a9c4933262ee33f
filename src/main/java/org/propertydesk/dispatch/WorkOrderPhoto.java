package org.propertydesk.dispatch;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.propertydesk.shared.files.FileStore;

/** A photo a technician took on the job, before or after the work. */
@Entity
@Table(name = "work_order_photo")
class WorkOrderPhoto {

    enum Stage {
        BEFORE, AFTER
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "work_order_id", nullable = false, updatable = false)
    private Long workOrderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Stage stage;

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

    protected WorkOrderPhoto() {
    }

    WorkOrderPhoto(long workOrderId, Stage stage, FileStore.StoredFile file, Instant now, String username) {
        this.workOrderId = workOrderId;
        this.stage = stage;
        this.fileName = file.fileName();
        this.contentType = file.contentType();
        this.sizeBytes = file.size();
        this.storageKey = file.key();
        this.uploadedAt = now;
        this.uploadedBy = username;
    }

    public boolean isImage() {
        return contentType.startsWith("image/");
    }

    public Long getId() {
        return id;
    }

    public Long getWorkOrderId() {
        return workOrderId;
    }

    public Stage getStage() {
        return stage;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public String getStorageKey() {
        return storageKey;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }
}
