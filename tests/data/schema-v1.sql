-- Annotator project schema version 1, frozen: the starting point of the migration tests.
-- Generated once from the version-1 ORM; never edit (later versions are migration steps).
PRAGMA application_id = 1095650895;

CREATE TABLE source (
	id INTEGER NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	file_name TEXT NOT NULL, 
	format VARCHAR(32) NOT NULL, 
	sha256 VARCHAR(64) NOT NULL, 
	imported_at DATETIME NOT NULL, 
	n_posts INTEGER NOT NULL, 
	n_added INTEGER NOT NULL, 
	n_duplicates INTEGER NOT NULL, 
	warnings JSON NOT NULL, 
	metadata JSON NOT NULL, 
	CONSTRAINT pk_source PRIMARY KEY (id), 
	CONSTRAINT uq_source_uuid UNIQUE (uuid)
);
CREATE INDEX ix_source_sha256 ON source (sha256);
CREATE TABLE channel (
	id INTEGER NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	"key" TEXT NOT NULL, 
	title TEXT NOT NULL, 
	metadata JSON NOT NULL, 
	CONSTRAINT pk_channel PRIMARY KEY (id), 
	CONSTRAINT uq_channel_uuid UNIQUE (uuid), 
	CONSTRAINT uq_channel_key UNIQUE ("key")
);
CREATE TABLE coder (
	id INTEGER NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	name TEXT NOT NULL, 
	created DATETIME NOT NULL, 
	CONSTRAINT pk_coder PRIMARY KEY (id), 
	CONSTRAINT uq_coder_uuid UNIQUE (uuid), 
	CONSTRAINT uq_coder_name UNIQUE (name)
);
CREATE TABLE code (
	id INTEGER NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	parent_id INTEGER, 
	name TEXT NOT NULL, 
	description TEXT NOT NULL, 
	colour VARCHAR(7), 
	shortcut VARCHAR(16), 
	position INTEGER NOT NULL, 
	CONSTRAINT pk_code PRIMARY KEY (id), 
	CONSTRAINT uq_code_parent_id_name UNIQUE (parent_id, name), 
	CONSTRAINT ck_code_name_not_empty CHECK (length(name) > 0), 
	CONSTRAINT ck_code_colour_length CHECK (colour IS NULL OR length(colour) = 7), 
	CONSTRAINT uq_code_uuid UNIQUE (uuid), 
	CONSTRAINT fk_code_parent_id_code FOREIGN KEY(parent_id) REFERENCES code (id) ON DELETE RESTRICT, 
	CONSTRAINT uq_code_shortcut UNIQUE (shortcut)
);
CREATE UNIQUE INDEX uq_code_root_name ON code (name) WHERE parent_id IS NULL;
CREATE INDEX ix_code_parent_id ON code (parent_id);
CREATE TABLE post (
	id INTEGER NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	source_id INTEGER NOT NULL, 
	channel_id INTEGER NOT NULL, 
	identity TEXT NOT NULL, 
	external_id TEXT, 
	author TEXT, 
	forwarded_from TEXT, 
	date DATETIME, 
	text TEXT NOT NULL, 
	text_sha256 VARCHAR(64) NOT NULL, 
	metadata JSON NOT NULL, 
	position INTEGER NOT NULL, 
	CONSTRAINT pk_post PRIMARY KEY (id), 
	CONSTRAINT uq_post_channel_id_identity UNIQUE (channel_id, identity), 
	CONSTRAINT uq_post_uuid UNIQUE (uuid), 
	CONSTRAINT fk_post_source_id_source FOREIGN KEY(source_id) REFERENCES source (id) ON DELETE RESTRICT, 
	CONSTRAINT fk_post_channel_id_channel FOREIGN KEY(channel_id) REFERENCES channel (id) ON DELETE RESTRICT
);
CREATE INDEX ix_post_date ON post (date);
CREATE INDEX ix_post_external_id ON post (external_id);
CREATE INDEX ix_post_source_id ON post (source_id);
CREATE INDEX ix_post_channel_id ON post (channel_id);
CREATE TRIGGER post_text_immutable BEFORE UPDATE OF text ON post WHEN NEW.text IS NOT OLD.text BEGIN SELECT RAISE(ABORT, 'post text is immutable after import'); END;
CREATE TABLE annotation (
	id INTEGER NOT NULL, 
	uuid VARCHAR(36) NOT NULL, 
	post_id INTEGER NOT NULL, 
	code_id INTEGER NOT NULL, 
	coder_id INTEGER NOT NULL, 
	start INTEGER NOT NULL, 
	"end" INTEGER NOT NULL, 
	quote TEXT NOT NULL, 
	memo TEXT NOT NULL, 
	created DATETIME NOT NULL, 
	updated DATETIME NOT NULL, 
	CONSTRAINT pk_annotation PRIMARY KEY (id), 
	CONSTRAINT ck_annotation_span CHECK (0 <= start AND start < "end"), 
	CONSTRAINT uq_annotation_post_id_code_id_coder_id_start_end UNIQUE (post_id, code_id, coder_id, start, "end"), 
	CONSTRAINT uq_annotation_uuid UNIQUE (uuid), 
	CONSTRAINT fk_annotation_post_id_post FOREIGN KEY(post_id) REFERENCES post (id) ON DELETE CASCADE, 
	CONSTRAINT fk_annotation_code_id_code FOREIGN KEY(code_id) REFERENCES code (id) ON DELETE RESTRICT, 
	CONSTRAINT fk_annotation_coder_id_coder FOREIGN KEY(coder_id) REFERENCES coder (id) ON DELETE RESTRICT
);
CREATE INDEX ix_annotation_code_id ON annotation (code_id);
CREATE INDEX ix_annotation_coder_id ON annotation (coder_id);
CREATE INDEX ix_annotation_post_id ON annotation (post_id);
PRAGMA user_version = 1;
