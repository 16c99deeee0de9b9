//! Biểu mẫu 6: Cải cách tài chính công.

use crate::unit::{Count, MillionVnd, Percent, ServiceUnit};

use super::form_table;

form_table! {
    /// Form 6 (Biểu mẫu 6), *Cải cách tài chính công*: public-finance reform,
    /// disbursement of public investment and the financial autonomy of public
    /// service units (Decree 60/2021/NĐ-CP).
    form 6 Form6 "form6" {
        title: "Cải cách tài chính công", "Public-finance reform";
        rows {
            "1" disbursement_rate: Percent
                => "Tỷ lệ thực hiện Kế hoạch giải ngân vốn đầu tư công",
                   "Disbursement of the public-investment plan";
            "1.1" investment_plan: MillionVnd
                => "Kế hoạch được giao", "Public-investment capital planned";
            "1.2" investment_disbursed: MillionVnd
                => "Đã thực hiện", "Public-investment capital disbursed";
            "2.1" service_units: Count<ServiceUnit> [cumulative]
                => "Tổng số ĐVSN công lập tại địa phương", "Public service units in the locality";
            "2.2" units_financing_recurrent_and_investment: Count<ServiceUnit> [cumulative]
                => "Số ĐVSN tự bảo đảm chi thường xuyên và chi đầu tư",
                   "Units financing their own recurrent and investment spending";
            "2.3" units_financing_recurrent: Count<ServiceUnit> [cumulative]
                => "Số ĐVSN tự bảo đảm chi thường xuyên", "Units financing their own recurrent spending";
            "2.4" units_financing_part_of_recurrent: Count<ServiceUnit> [cumulative]
                => "Số ĐVSN tự bảo đảm một phần chi thường xuyên",
                   "Units financing part of their recurrent spending";
            "2.4.1" units_financing_70_to_100_percent: Count<ServiceUnit> [cumulative]
                => "Số ĐVSN tự bảo đảm từ 70% - dưới 100% chi thường xuyên",
                   "Units financing 70% to under 100% of their recurrent spending";
            "2.4.2" units_financing_30_to_70_percent: Count<ServiceUnit> [cumulative]
                => "Số ĐVSN tự bảo đảm từ 30% - dưới 70% chi thường xuyên",
                   "Units financing 30% to under 70% of their recurrent spending";
            "2.4.3" units_financing_10_to_30_percent: Count<ServiceUnit> [cumulative]
                => "Số ĐVSN tự bảo đảm từ 10% - dưới 30% chi thường xuyên",
                   "Units financing 10% to under 30% of their recurrent spending";
            "2.5" units_state_financed: Count<ServiceUnit> [cumulative]
                => "Số ĐVSN do Nhà nước bảo đảm chi thường xuyên", "Units whose recurrent spending the state finances";
            "2.6" units_equitised: Count<ServiceUnit> [cumulative]
                => "Số lượng ĐVSN đã chuyển đổi thành công ty cổ phần (lũy kế đến thời điểm báo cáo)",
                   "Units converted into joint-stock companies";
        }
        headings {
            "2" [cumulative] => "Thực hiện tự chủ tài chính của đơn vị sự nghiệp (ĐVSN) tại địa phương (lũy kế đến thời điểm báo cáo)",
                   "Financial autonomy of public service units";
        }
    }
}
