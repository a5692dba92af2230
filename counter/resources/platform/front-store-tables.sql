-- 前置库（省级政务服务平台前置交换库）的办件与电子证照表，PostgreSQL 写法。
--
-- 来源：公开的前置库建表脚本（MySQL 导出，"政务服务事项办件信息"与"电子证照共享数据"各表，表注释
-- 如 "政务服务事项办件信息 办件受理信息"、"电子证照共享数据 证照目录信息"；本仓库检索库 read_file id=35927674781；
-- 同名表另有一份 2020-10-30 的 Navicat 导出，id=35476054485，列相同，仅 org_code 为 varchar(18)、无
-- create_*/update_*/tenant_id/version 列）。列名、类型长度、是否必填与中文注释均照录；只做了 MySQL → PostgreSQL 的
-- 机械转换：bigint(20) → bigint，int(10)/int(11) → integer，datetime → timestamp（北京时间，不带时区），
-- 反引号与 ENGINE/CHARSET 去掉，COMMENT 改为 COMMENT ON COLUMN。
--
-- 未由公开文本确认的（本程序的做法，对接时向平台核实）：
--   * cd_operation 的取值：本程序写 I（新增）、U（修改）、D（删除）；
--   * cd_batch：本程序每次发送批次一个 32 位十六进制串；
--   * row_guid：本程序由事件的唯一键与表名导出（同一事件每次重发相同），id 由 row_guid 导出（63 位正整数）；
--   * data_source、tenant_id、create_org_id/create_user_id/update_org_id/update_user_id：由平台分配，是大厅的设置。
-- 平台读取端自建这些表；本文件供测试与对接核对之用，程序不在平台的库里建表。

CREATE TABLE up_pro_accept (
  id bigint NOT NULL,
  accept_date timestamp NOT NULL,
  accept_doc_no varchar(50) DEFAULT NULL,
  address varchar(1000) DEFAULT NULL,
  apply_date timestamp NOT NULL,
  apply_type varchar(2) NOT NULL,
  applyer_name varchar(100) NOT NULL,
  applyer_page_code varchar(500) NOT NULL,
  applyer_page_type varchar(70) NOT NULL,
  applyer_type varchar(2) NOT NULL,
  catalog_code varchar(12) NOT NULL,
  cd_batch varchar(32) NOT NULL,
  cd_operation varchar(2) NOT NULL,
  cd_time timestamp NOT NULL,
  contact_code varchar(50) DEFAULT NULL,
  contact_mobile varchar(11) DEFAULT NULL,
  contact_name varchar(100) DEFAULT NULL,
  contact_type varchar(6) DEFAULT NULL,
  create_org_id bigint NOT NULL,
  create_time timestamp NOT NULL,
  create_user_id bigint NOT NULL,
  data_source varchar(3) NOT NULL,
  handle_user_name varchar(100) DEFAULT NULL,
  legal varchar(100) DEFAULT NULL,
  local_catalog_code varchar(50) DEFAULT NULL,
  local_task_code varchar(50) DEFAULT NULL,
  org_code varchar(64) NOT NULL,
  org_name varchar(100) NOT NULL,
  project_name varchar(1000) DEFAULT NULL,
  project_no varchar(50) NOT NULL,
  project_type varchar(2) NOT NULL,
  promise_date timestamp DEFAULT NULL,
  row_guid varchar(50) NOT NULL,
  task_code varchar(36) NOT NULL,
  task_handle_item varchar(50) DEFAULT NULL,
  task_name varchar(1000) NOT NULL,
  task_version integer NOT NULL,
  tenant_id bigint NOT NULL,
  update_org_id bigint NOT NULL,
  update_time timestamp NOT NULL,
  update_user_id bigint NOT NULL,
  version integer NOT NULL DEFAULT 1,
  zip_code varchar(6) DEFAULT NULL,
  PRIMARY KEY (id)
);
COMMENT ON TABLE up_pro_accept IS '政务服务事项办件信息 办件受理信息';

CREATE TABLE up_pro_process (
  id bigint NOT NULL,
  cd_batch varchar(32) NOT NULL,
  cd_operation varchar(2) NOT NULL,
  cd_time timestamp NOT NULL,
  create_org_id bigint NOT NULL,
  create_time timestamp NOT NULL,
  create_user_id bigint NOT NULL,
  data_source varchar(3) NOT NULL,
  event_end_time timestamp NOT NULL,
  event_name varchar(2) NOT NULL,
  event_start_time timestamp NOT NULL,
  handle_explain varchar(2000) NOT NULL,
  handle_user_name varchar(100) NOT NULL,
  process_name varchar(1000) NOT NULL,
  project_no varchar(50) NOT NULL,
  remark varchar(256) DEFAULT NULL,
  row_guid varchar(50) NOT NULL,
  tenant_id bigint NOT NULL,
  update_org_id bigint NOT NULL,
  update_time timestamp NOT NULL,
  update_user_id bigint NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (id)
);
COMMENT ON TABLE up_pro_process IS '政务服务事项办件信息 办件过程信息';

CREATE TABLE up_pro_result (
  id bigint NOT NULL,
  cd_batch varchar(32) NOT NULL,
  cd_operation varchar(2) NOT NULL,
  cd_time timestamp NOT NULL,
  create_org_id bigint NOT NULL,
  create_time timestamp NOT NULL,
  create_user_id bigint NOT NULL,
  data_source varchar(3) NOT NULL,
  handle_user_name varchar(100) DEFAULT NULL,
  is_delivery_results varchar(2) NOT NULL,
  project_no varchar(50) NOT NULL,
  remark varchar(256) DEFAULT NULL,
  result_cetr_name varchar(256) DEFAULT NULL,
  result_cetr_no varchar(2000) DEFAULT NULL,
  result_date timestamp NOT NULL,
  result_explain varchar(2000) DEFAULT NULL,
  result_type varchar(2) NOT NULL,
  row_guid varchar(50) NOT NULL,
  satisfaction varchar(2) DEFAULT NULL,
  tenant_id bigint NOT NULL,
  update_org_id bigint NOT NULL,
  update_time timestamp NOT NULL,
  update_user_id bigint NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (id)
);
COMMENT ON TABLE up_pro_result IS '政务服务事项办件信息 办件结果信息';

CREATE TABLE up_pro_special_procedure (
  id bigint NOT NULL,
  applyer_user_name varchar(100) DEFAULT NULL,
  cd_batch varchar(32) NOT NULL,
  cd_operation varchar(2) NOT NULL,
  cd_time timestamp NOT NULL,
  create_org_id bigint NOT NULL,
  create_time timestamp NOT NULL,
  create_user_id bigint NOT NULL,
  data_source varchar(3) NOT NULL,
  end_time timestamp NOT NULL,
  handle_user varchar(100) DEFAULT NULL,
  project_no varchar(50) NOT NULL,
  remark varchar(256) DEFAULT NULL,
  result varchar(2000) DEFAULT NULL,
  row_guid varchar(50) NOT NULL,
  special_explain varchar(2000) DEFAULT NULL,
  special_name varchar(1000) NOT NULL,
  special_reason varchar(2000) NOT NULL,
  special_time timestamp NOT NULL,
  special_type varchar(2) NOT NULL,
  tenant_id bigint NOT NULL,
  update_org_id bigint NOT NULL,
  update_time timestamp NOT NULL,
  update_user_id bigint NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (id)
);
COMMENT ON TABLE up_pro_special_procedure IS '政务服务事项办件信息 特别程序信息';

CREATE TABLE up_pro_material (
  id bigint NOT NULL,
  cd_batch varchar(32) NOT NULL,
  cd_operation varchar(2) NOT NULL,
  cd_time timestamp NOT NULL,
  create_org_id bigint NOT NULL,
  create_time timestamp NOT NULL,
  create_user_id bigint NOT NULL,
  data_source varchar(3) NOT NULL,
  get_num varchar(5) DEFAULT NULL,
  get_type varchar(2) NOT NULL,
  material_attach_name varchar(200) DEFAULT NULL,
  material_name varchar(200) NOT NULL,
  project_no varchar(50) NOT NULL,
  remark varchar(1000) DEFAULT NULL,
  row_guid varchar(50) NOT NULL,
  tenant_id bigint NOT NULL,
  update_org_id bigint NOT NULL,
  update_time timestamp NOT NULL,
  update_user_id bigint NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (id)
);
COMMENT ON TABLE up_pro_material IS '政务服务事项办件信息 材料目录信息';

CREATE TABLE up_lic_data (
  id bigint NOT NULL,
  cd_batch varchar(32) NOT NULL,
  cd_operation varchar(2) NOT NULL,
  cd_time timestamp NOT NULL,
  certificate_area_code varchar(32) NOT NULL,
  certificate_holder varchar(256) NOT NULL,
  certificate_holder_code varchar(256) NOT NULL,
  certificate_holder_type varchar(2000) DEFAULT NULL,
  certificate_name varchar(512) NOT NULL,
  certificate_number varchar(128) NOT NULL,
  certificate_source_id varchar(128) NOT NULL,
  certificate_type varchar(256) NOT NULL,
  certificate_type_code varchar(64) NOT NULL,
  create_org_id bigint NOT NULL,
  create_time timestamp NOT NULL,
  create_user_id bigint NOT NULL,
  data_source varchar(3) NOT NULL,
  issue_date varchar(32) NOT NULL,
  issue_dept varchar(256) NOT NULL,
  issue_dept_code varchar(32) NOT NULL,
  tenant_id bigint NOT NULL,
  update_org_id bigint NOT NULL,
  update_time timestamp NOT NULL,
  update_user_id bigint NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (id)
);
COMMENT ON TABLE up_lic_data IS '电子证照共享数据 证照目录信息';
