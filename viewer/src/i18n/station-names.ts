/**
 * Names of the model's stations, storage blocks and resource groups (the keys of KPI frames and
 * alerts) in the three languages. A name the table does not know is shown as it is.
 */

import type { Lang } from './strings.ts';

type Names = Record<string, [vi: string, en: string, zh: string]>;

const NAMES: Names = {
  parking: ['Bãi đỗ xe điều tiết', 'Regulating parking', '调节停车场'],
  vnTruckIn: ['Cổng xe tải VN (vào)', 'VN truck gate (in)', '越方卡车卡口（入）'],
  vnTruckOut: ['Cổng xe tải VN (ra)', 'VN truck gate (out)', '越方卡车卡口（出）'],
  vnBorderIn: ['Cổng biên giới VN (vào)', 'VN border gate (in)', '越方边境闸口（入）'],
  vnBorderOut: ['Cổng biên giới VN (ra)', 'VN border gate (out)', '越方边境闸口（出）'],
  cnBorderIn: ['Cổng biên giới TQ (vào)', 'CN border gate (in)', '中方边境闸口（入）'],
  cnBorderOut: ['Cổng biên giới TQ (ra)', 'CN border gate (out)', '中方边境闸口（出）'],
  cnTruckIn: ['Cổng xe tải TQ (vào)', 'CN truck gate (in)', '中方卡车卡口（入）'],
  cnTruckOut: ['Cổng xe tải TQ (ra)', 'CN truck gate (out)', '中方卡车卡口（出）'],
  scanners: ['Máy soi container', 'Container scanners', '集装箱检查系统'],
  scanner: ['Máy soi container', 'Container scanner', '集装箱检查系统'],
  imageAnalysts: ['Phân tích hình ảnh soi chiếu', 'Image review', '图像审核'],
  inspectionBays: ['Khu kiểm tra thực tế (VN)', 'Inspection bays (VN)', '查验场位（越方）'],
  'inspection-bays': ['Khu kiểm tra thực tế (VN)', 'Inspection bays (VN)', '查验场位（越方）'],
  cnInspectionBays: ['Khu kiểm tra thực tế (TQ)', 'Inspection bays (CN)', '查验场位（中方）'],
  vnCranes: ['Cẩu tự động VN', 'VN automated cranes', '越方自动化龙门吊'],
  cnCranes: ['Cẩu tự động TQ', 'CN automated cranes', '中方自动化龙门吊'],
  'vn-yard:cranes': ['Cẩu tự động VN', 'VN automated cranes', '越方自动化龙门吊'],
  'cn-yard:cranes': ['Cẩu tự động TQ', 'CN automated cranes', '中方自动化龙门吊'],
  igvs: ['Xe tự hành IGV', 'IGV fleet', '智能导引车 (IGV)'],
  vnExportStorage: ['Bãi hàng xuất khẩu VN', 'VN export storage yard', '越方出口货物堆场'],
  vnImportStorage: ['Bãi hàng nhập khẩu VN', 'VN import storage yard', '越方进口货物堆场'],
  cnExportStorage: ['Bãi hàng xuất khẩu (phía TQ)', 'Export storage, CN side', '出口货物堆场（中方）'],
  cnImportStorage: ['Bãi hàng nhập khẩu (phía TQ)', 'Import storage, CN side', '进口货物堆场（中方）'],
  'data-exchange': ['Trao đổi dữ liệu', 'Data exchange', '数据交换'],
};

const INDEX: Record<Lang, number> = { vi: 0, en: 1, zh: 2 };

export function stationName(lang: Lang, key: string): string {
  return NAMES[key]?.[INDEX[lang]] ?? key;
}
